// Prints the violations the generated client finds in each payload of the JSON file named in argv.
import { readFileSync } from "fs";
import { check } from "./analytics";

const payloads = JSON.parse(readFileSync(process.argv[2], "utf-8")) as Record<string, unknown>[];
console.log(JSON.stringify(payloads.map((payload) => check(payload).map((v) => [v.code, v.path, v.message]))));

export * from "./events";
export { default as Names } from "./events";

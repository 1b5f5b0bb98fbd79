from protocol_kit.cli import main

main()

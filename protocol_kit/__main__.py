from protocol_kit.cli.main import main

main()

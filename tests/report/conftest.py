from tests.core.conftest import protocol_kit  # noqa: F401  (run the CLI in-process)

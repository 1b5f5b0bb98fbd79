"""One module per report format; see :mod:`protocol_kit.report.registry`."""

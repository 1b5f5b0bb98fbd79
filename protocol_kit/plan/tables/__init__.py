"""Spreadsheet plans: xlsx workbooks and csv files with one row per event property."""

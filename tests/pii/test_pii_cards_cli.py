"""A card number under an id-like name, through the ``protocol-kit validate`` command itself."""
import subprocess
import sys
from pathlib import Path

CASE = Path(__file__).resolve().parent.parent / "cases" / "pii" / "validate" / "card_under_id_names"


def test_validate_reports_a_card_under_sku_masked(tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_text('{"type":"track","event":"Product Added","messageId":"m-1","userId":"u-1",'
                      '"properties":{"sku":"4111111111111111","order_ref":12}}\n'
                      '{"type":"track","event":"Product Added","messageId":"m-2","userId":"u-2",'
                      '"properties":{"sku":"9123456789012348","order_ref":1733241234567}}\n', "utf-8")
    done = subprocess.run([sys.executable, "-m", "protocol_kit", "validate", "--plan", str(CASE / "plan.yaml"),
                           str(events), "--pii", "flag"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    findings = [line for line in done.stdout.splitlines() if line.startswith(f"{events}:")]
    assert findings == [f"{events}:1: PII001 personal data (payment_card) in 'sku', not declared in the plan: "
                        "**** **** **** 1111"], done.stdout
    assert "4111111111111111" not in done.stdout + done.stderr

"""Other tools' tracking plans (Segment, RudderStack, mParticle, Snowplow Iglu, Mixpanel, Avo, OpenTrackPlan):
import them into the plan model and export plans back to them. One module per format, registered by name."""
from protocol_kit.vendors.api import ExportResult, ImportResult, detect_format, export_plan, import_plan, plan_counts
from protocol_kit.vendors.registry import FORMATS

__all__ = ["ExportResult", "FORMATS", "ImportResult", "detect_format", "export_plan", "import_plan", "plan_counts"]

"""Trends and alerts over coded events: pure functions over weekly series and event lists.

Nothing here reads the store or the clock; ``source`` fetches events through the store's
query methods and hands them to ``alerts.compute_alerts``.
"""

from harmattan.analysis.alerts import Alert, AlertReport, change_level, compute_alerts
from harmattan.analysis.weeks import EventLike, week_of

__all__ = ["Alert", "AlertReport", "EventLike", "change_level", "compute_alerts", "week_of"]

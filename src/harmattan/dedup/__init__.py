"""Report -> event deduplication: reports of one real event become one EventRecord.

``merge_reports(new, existing)`` is the contract the store calls; ``merge_all`` is the batch
form used by ``harmattan code --merge``. Pure logic, no database.
"""

from harmattan.dedup.merge import MergeResult, merge_all, merge_reports
from harmattan.dedup.similarity import PairMatch, compare_reports

__all__ = ["MergeResult", "PairMatch", "compare_reports", "merge_all", "merge_reports"]

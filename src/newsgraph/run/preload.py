"""Imported once by the fork server workers are forked from (``run.workers``): the model
and lexicons are loaded before any worker exists, and frozen out of the garbage
collector's passes so that its scans do not copy the pages the workers share."""

import gc

from newsgraph.run.chunks import warm

warm()
gc.freeze()

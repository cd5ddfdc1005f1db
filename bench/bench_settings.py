"""Settings for the benchmark server: the production settings, plus a bare view to compare with.

Every value still comes from the environment exactly as in production (bench/pages.py sets it).
Only two things differ: the URLconf adds /bench/ok/, and STATIC_ROOT follows the STATIC_ROOT
environment variable so `collectstatic` can write the manifest to a temporary directory.
"""

import os
from pathlib import Path

from config.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.bench_urls"

if os.environ.get("STATIC_ROOT"):
    STATIC_ROOT = Path(os.environ["STATIC_ROOT"])

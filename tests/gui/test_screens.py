"""Point 3 of issue 11: on a 1366×768 laptop at 100/125/150 % (and 1920×1080 at 150 %), every window and
dialog, and every button on it, lies within the screen's available area.

Each size runs in its own process (Qt fixes the screen at start), with Qt's offscreen platform told
the screen's size and QT_SCALE_FACTOR the scaling: the same layout code as on a real screen (checked
by hand under Xvfb + xcb as well). tests/gui/screen_walk.py opens every window and dialog.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

WALK = Path(__file__).with_name("screen_walk.py")
SCREENS = [  # physical width, height, scale
    (1366, 768, "1"), (1366, 768, "1.25"), (1366, 768, "1.5"), (1920, 1080, "1.5"),
    (1366, 708, "1.5"),  # 1366×768 at 150 % with a 40-pixel Windows taskbar taken off
]


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height", "scale"), SCREENS, ids=lambda v: str(v))
def test_every_button_of_every_window_is_on_the_screen(tmp_path, width, height, scale):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    environment = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale}
    done = subprocess.run([sys.executable, str(WALK)], env=environment, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    expected = [round(width / float(scale)), round(height / float(scale))]
    assert [abs(a - b) <= 1 for a, b in zip(report["area"], expected, strict=True)] == [True, True]
    assert len(report["seen"]) > 30  # list, 18 wizard pages, review, results, packets, preview, policy, guide, boxes
    assert report["problems"] == []

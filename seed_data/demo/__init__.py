"""The demo installation: three teams, 25 people and twelve weeks of gestures ending this week.

`write_demo(folder)` writes it as a CSV folder (the documented import format); `load_demo(engine=…)`
imports it through the importer and registers a demo tablet per team.
"""

from seed_data.demo.generate import write_demo
from seed_data.demo.load import DemoSignIns, demo_sign_ins, is_demo, load_demo

__all__ = ["DemoSignIns", "demo_sign_ins", "is_demo", "load_demo", "write_demo"]

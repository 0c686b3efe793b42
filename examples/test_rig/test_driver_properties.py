"""Property-based tests of a driver plugin: random offload sequences, invariants after each."""

from __future__ import annotations

from offload.testing import OffloadStateMachine


class FixedNicMachine(OffloadStateMachine):
    driver = "buggynic-fixed"  # the example plugin's correct variant (entry point)
    ports = 2


class SmartNicMachine(OffloadStateMachine):
    driver = "simnic"
    nic_profile = "smartnic"
    profile = "v5.2"


TestFixedNic = FixedNicMachine.test_case(max_examples=30, steps=20)
TestSmartNicV52 = SmartNicMachine.test_case(max_examples=30, steps=20)

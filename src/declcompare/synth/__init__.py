"""Generated revisions of real texts, labelled as generated, for the demo and benchmarks."""

from __future__ import annotations

from declcompare.synth.revision import (
    EditOp,
    GroundTruth,
    Revision,
    demo_donors,
    generate_revision,
)

__all__ = ["EditOp", "GroundTruth", "Revision", "demo_donors", "generate_revision"]

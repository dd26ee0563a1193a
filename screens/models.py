"""The screens app's models, each defined in its domain's package; imported here so that Django finds them.

Nothing imports from this module: code imports a model from its domain (`screens.fleet.models`…).
"""

from .campaigns.models import Campaign
from .emergencies.models import Emergency, EmergencyAck
from .fleet.models import Location, PairingCode, Screen, ScreenGroup
from .layouts.models import Layout, LayoutRegionPlaylist
from .proof_of_play.models import PlayEvent

__all__ = [
    "Campaign",
    "Emergency",
    "EmergencyAck",
    "Layout",
    "LayoutRegionPlaylist",
    "Location",
    "PairingCode",
    "PlayEvent",
    "Screen",
    "ScreenGroup",
]

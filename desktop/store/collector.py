"""The cycle collector's pause (desktop.collector), where the store's bulk work finds it."""

from ..collector import collection_paused

__all__ = ["collection_paused"]

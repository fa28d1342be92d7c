"""Tests of the pure engine: extraction, normalisation, roles, detectors, policies, decisions."""

"""A learned second opinion on injected instructions (issue #2): a small linear model shipped as package data."""

"""Resolvers: pure functions that read the text and propose relations, each with its reason.

Each takes the `Reading` (and, for a later layer, the relations decided
before it) and yields `Candidate`s; none reads another's output except
through what the arbiter decided.
"""

"""The network of quantities: every quantity of an article (entity, metric, period), stated or
not, is a node and every claim a constraint between nodes; consistency is decided for the whole
network at once (docs/rules.md, "The network of quantities").

``build`` turns claims into a problem, ``solve`` decides it (Bellman-Ford in log space for the
difference constraints, HC4 interval propagation for the rest), ``decide`` narrows each
contradiction to a minimal set of claims and writes the findings.
"""

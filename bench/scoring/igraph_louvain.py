"""Louvain (community_multilevel) of python-igraph on the symmetrised graph.

Usage: igraph_louvain.py NODES EDGES.bin
EDGES.bin holds the distinct directed edges as int32 pairs. The graph is made undirected the
way Relais does it: u-v weighs w(u->v) + w(v->u), self-loops dropped. Prints one JSON line with
the load/symmetrise time and the community_multilevel time (seconds), measured separately.
"""
import json
import sys
import time

import igraph
import numpy

nodes = int(sys.argv[1])
started = time.perf_counter()
edges = numpy.fromfile(sys.argv[2], dtype=numpy.int32).reshape(-1, 2)
graph = igraph.Graph(n=nodes, directed=True)
graph.add_edges(edges)
del edges
graph.es["weight"] = 1.0
graph.to_undirected(mode="collapse", combine_edges={"weight": "sum"})
graph.simplify(multiple=False, loops=True)
loaded = time.perf_counter()
cpu_started = time.process_time()
clustering = graph.community_multilevel(weights="weight")
finished = time.perf_counter()
cpu_seconds = time.process_time() - cpu_started
print(json.dumps({
    "igraphVersion": igraph.__version__,
    "loadSeconds": loaded - started,
    "louvainSeconds": finished - loaded,
    "louvainCpuSeconds": cpu_seconds,
    "communities": len(clustering),
    "modularity": graph.modularity(clustering.membership, weights="weight"),
}))

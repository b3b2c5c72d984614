"""PageRank of a directed edge list with python-igraph's PRPACK solver.

Usage: igraph_pagerank.py NODES EDGES.bin RANKS_OUT.bin
EDGES.bin holds int32 pairs (source, target); RANKS_OUT.bin receives float64 ranks.
Prints one JSON line: load and pagerank times (seconds), measured separately.
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
loaded = time.perf_counter()
cpu_started = time.process_time()
ranks = graph.pagerank(directed=True, damping=0.85, implementation="prpack")
finished = time.perf_counter()
cpu_seconds = time.process_time() - cpu_started
numpy.asarray(ranks, dtype=numpy.float64).tofile(sys.argv[3])
print(json.dumps({
    "igraphVersion": igraph.__version__,
    "loadSeconds": loaded - started,
    "pagerankSeconds": finished - loaded,
    "pagerankCpuSeconds": cpu_seconds,
}))

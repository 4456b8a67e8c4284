"""Framework-free algorithms of tizim.

Nothing under ``tizim.core`` imports Django: these modules are plain functions over plain
values, so that they can be tested in isolation, reused by benchmarks, and run on Spark workers.
"""

"""Database calls made for screen sockets, run on a pool of threads rather than on one.

Channels runs a process's database calls on a single thread by default; when a fleet reconnects
at once, that thread becomes the queue. The calls made here keep no state between them. (Channels
still checks for stale connections on that thread around each event; that work is small.)
"""

from channels.db import database_sync_to_async


def in_thread_pool(func):
    return database_sync_to_async(func, thread_sensitive=False)

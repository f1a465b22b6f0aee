"""Serve deleg with gunicorn, the production WSGI server, from inside the `deleg` command."""
from gunicorn.app.base import BaseApplication

from deleg.wsgi import application

# Threads let one process hold browsers' and API clients' keep-alive connections while others wait
# on the database; Django is thread-safe and every thread has its own database connection.
THREADS_PER_WORKER = 4


class DelegServer(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return application


def serve(*, host: str, port: int, workers: int, access_log: bool = True) -> None:
    DelegServer({
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": THREADS_PER_WORKER,
        "keepalive": 5,
        "accesslog": "-" if access_log else None,
        "timeout": 60,
    }).run()

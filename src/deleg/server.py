"""Serve deleg with gunicorn, the production WSGI server, from inside the `deleg` command."""
from gunicorn.app.base import BaseApplication

from deleg.wsgi import application


class DelegServer(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return application


def serve(*, host: str, port: int, workers: int) -> None:
    DelegServer({
        "bind": f"{host}:{port}",
        "workers": workers,
        "accesslog": "-",
        "timeout": 60,
    }).run()

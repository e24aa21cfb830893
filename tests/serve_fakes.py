"""A stand-in for the model in the server's coding process (importable there: it is spawned),
and a server using it, run by tests as `python -m tests.serve_fakes DB PORT`."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from eventwire.records import Article
from eventwire.tables import CodedBatch, coded_tables

SLOW, FAILS = "[slow]", "[fails]"


def code_without_model(articles: list[Article]) -> CodedBatch:
    """Each article coded with no events; one holding SLOW takes minutes, one holding FAILS raises."""
    for article in articles:
        if SLOW in article.text:
            time.sleep(300)
        if FAILS in article.text:
            raise ValueError(f"article {article.article_id} is beyond this coder")
    return coded_tables([(article, []) for article in articles])


def main() -> None:
    from eventwire.serve import create_app
    from eventwire.serve_guard import ServeLimits, server

    limits = ServeLimits(shutdown_seconds=2)
    app = create_app(Path(sys.argv[1]), "s3cret", limits, code=code_without_model)
    server(app, "127.0.0.1", int(sys.argv[2]), limits).run()


if __name__ == "__main__":
    main()

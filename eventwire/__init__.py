"""eventwire: political event data from news text."""

from .errors import EventwireError, InputError, KnowledgeError, ModelError, StoreError
from .knowledge import Knowledge, load_knowledge
from .nlp import load_model
from .pipeline import Coder, code_articles, code_documents
from .records import Actor, Article, CameoCode, Event, Reject
from .settings import Settings

__all__ = [
    "Actor",
    "Article",
    "CameoCode",
    "Coder",
    "Event",
    "EventwireError",
    "InputError",
    "Knowledge",
    "KnowledgeError",
    "ModelError",
    "Reject",
    "Settings",
    "StoreError",
    "code_articles",
    "code_documents",
    "load_knowledge",
    "load_model",
]

"""The analyst's desk: web pages and the REST API over one store (`create_app`)."""

from tocsin.web.app import create_app

__all__ = ["create_app"]

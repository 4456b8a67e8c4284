"""WSGI entry point, used by ``tizim serve`` (waitress)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tizim.settings")
application = get_wsgi_application()

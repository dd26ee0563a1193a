FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

COPY pyproject.toml README.md LICENSE ./
COPY requirements ./requirements
# The dependencies only, at exactly the versions CI tested (requirements/constraints.txt); the code runs
# from /app and is copied after, so a code change does not reinstall them.
RUN pip install --no-cache-dir -c requirements/constraints.txt . && pip uninstall --yes infoscreen

COPY . .
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput -v0

RUN useradd --system --home /app infoscreen && mkdir -p /app/media && chown infoscreen /app/media
USER infoscreen
EXPOSE 8000
# One daphne worker per core on one port (SO_REUSEPORT); see display/serve.py.
# Behind a trusted reverse proxy, add "--proxy-headers" so pairing rate limits see the screens' addresses;
# never without one, or any client could choose its address through X-Forwarded-For.
CMD ["python", "-m", "display.serve", "--host", "0.0.0.0", "--port", "8000"]

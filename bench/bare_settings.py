"""Settings of the bare Channels app the benchmark measures beside ours (no Wagtail, no database)."""

import os

SECRET_KEY = "bench-bare"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = ["channels"]
ROOT_URLCONF = "bench.bare_channels"
DATABASES = {}
USE_TZ = True
_LAYERS = {
    "pubsub": "channels_redis.pubsub.RedisPubSubChannelLayer",
    "core": "channels_redis.core.RedisChannelLayer",
}
CHANNEL_LAYERS = {
    "default": {
        "BACKEND": _LAYERS[os.environ.get("BARE_LAYER", "pubsub")],
        "CONFIG": {"hosts": [os.environ["REDIS_URL"]], "prefix": os.environ.get("CHANNEL_LAYER_PREFIX", "bare")},
    }
}

"""Reading what a screen's socket receives, in tests of the WebSocket."""


async def receive_welcome(communicator) -> dict:
    """The welcome, and the campaigns document that always follows it (an empty track for most screens)."""
    welcome = await communicator.receive_json_from()
    assert welcome["type"] == "welcome", welcome
    campaigns = await communicator.receive_json_from()
    assert campaigns["type"] == "campaigns", campaigns
    return welcome

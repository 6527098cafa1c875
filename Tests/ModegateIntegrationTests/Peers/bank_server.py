"""A stateful stdio MCP server (official Python SDK) with a setup tool and a checker beside the
agent's tools, for the tests of cases that set up state and are scored on the server: `reset`
(setup: the balance a trial starts from), `deposit` and `balance` (the agent's), and `check`
(the checker: the server's balance and the answer against the expected balance)."""
from mcp.server.mcpserver import MCPServer

server = MCPServer("bank")
state = {"balance": 0, "resets": 0}


@server.tool()
def reset(balance: int) -> dict:
    """Sets the balance a trial starts from."""
    state["balance"] = balance
    state["resets"] += 1
    return {"balance": balance}


@server.tool()
def deposit(amount: int) -> dict:
    """Adds an amount to the balance and returns the new balance."""
    state["balance"] += amount
    return {"balance": state["balance"]}


@server.tool()
def balance() -> dict:
    """The current balance."""
    return {"balance": state["balance"]}


@server.tool()
def check(expected_balance: int, answer: dict, turn: int) -> dict:
    """1 when the books and the answer both hold the expected balance, else 0."""
    books = state["balance"] == expected_balance
    answered = answer.get("balance") == expected_balance
    return {"reward": 1 if books and answered else 0,
            "detail": {"balance": state["balance"], "answered": answer.get("balance"), "turn": turn, "resets": state["resets"]}}


if __name__ == "__main__":
    server.run()

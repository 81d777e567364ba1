import os
from fastapi import FastAPI
from src.database.models import User

app = FastAPI()


@app.get("/health")
def health():
    return {"status": "ok", "users": User.__name__}

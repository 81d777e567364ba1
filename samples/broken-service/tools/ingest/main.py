from tools.ingest.models import Invoice

print(Invoice)

# Run from sample-app/: writes src/main/resources/corpus/passages.jsonl from hand-written sentences:
# each passage combines a topic sentence with two detail sentences of the same category.
import json, itertools
pools = {
 "travel": {
  "travel": [
   "Night trains leave Vienna for Venice after dinner and arrive before breakfast.",
   "A sleeper compartment holds six couchettes that fold away into seats by morning.",
   "Ferries to the Greek islands run more often in summer than in winter.",
   "Booking a rail pass early keeps the price of long journeys low.",
   "The coastal path in Cornwall passes coves, lighthouses and old tin mines.",
   "Hostels near the station suit travellers who arrive late.",
   "Mountain huts in the Alps serve soup and bread to hikers crossing the pass.",
   "Carry a paper map when hiking, because phones lose signal in the valleys.",
   "Slow travel means fewer cities and longer stays in each.",
   "Border crossings by bus can take an hour when the queue is long.",
  ],
  "food": [
   "Fresh pasta needs only flour, eggs and a little patience.",
   "Sourdough bread rises slowly overnight in a cool kitchen.",
   "Roasting vegetables at a high temperature brings out their sweetness.",
   "A good risotto is stirred often and finished with butter and cheese.",
   "Street markets sell ripe tomatoes, peppers and herbs in late summer.",
   "Fermented cabbage keeps for months in a cold cellar.",
   "Lentil soup with cumin is cheap, filling and quick to cook.",
   "Olive oil from the first pressing tastes peppery and green.",
   "Espresso is brewed by forcing hot water through finely ground coffee.",
   "Dumplings are folded by hand and steamed in bamboo baskets.",
  ],
  "nature": [
   "Beech forests turn copper and gold in the middle of October.",
   "Migrating cranes rest on the lakes of the north before flying south.",
   "Glaciers in the Alps have retreated visibly over the last fifty years.",
   "Wild orchids grow on chalk grassland that is never ploughed.",
   "Tide pools hold crabs, anemones and small fish at low water.",
   "Owls hunt at dusk along the edges of meadows.",
   "Peat bogs store carbon that took thousands of years to accumulate.",
   "Storms on the Atlantic coast push waves over the harbour walls.",
   "Bees visit lavender fields from sunrise until the afternoon heat.",
   "Rivers in spring carry meltwater from the snowfields above.",
  ],
  "history": [
   "The Roman roads ran straight across hills to move legions quickly.",
   "Medieval cathedrals took several generations of masons to finish.",
   "The printing press spread pamphlets and books across Europe within decades.",
   "Canals carried coal to the cities before the railways arrived.",
   "Lighthouse keepers lived in isolation on rocks far from the shore.",
   "The Hanseatic League joined trading towns around the Baltic Sea.",
   "Old city walls were torn down in the nineteenth century to make boulevards.",
   "Windmills pumped water out of the low fields of the Netherlands.",
   "Silk and spices travelled along caravan routes between China and the Mediterranean.",
   "Early astronomers measured the stars with brass instruments and patience.",
  ],
 },
 "engineering": {
  "databases": [
   "An HNSW index answers nearest-neighbour queries without scanning the whole table.",
   "PostgreSQL stores each row version until vacuum removes the dead ones.",
   "A partial index covers only the rows that match its predicate.",
   "Binary COPY loads millions of rows far faster than single inserts.",
   "Connection pools keep a few database connections open for many requests.",
   "A query plan shows whether the planner chose an index scan or a sequential scan.",
   "Row-level security filters rows by policy before any query sees them.",
   "Full-text search ranks documents with tsvector and tsquery in PostgreSQL.",
   "Increasing ef_search improves recall of an approximate vector search at some cost in speed.",
   "Transactions make a group of writes visible together or not at all.",
  ],
  "operations": [
   "Error ERR-4012 means the upstream service timed out while the request was queued.",
   "A health check endpoint tells the load balancer whether an instance can take traffic.",
   "Rolling deployments replace instances one at a time to avoid downtime.",
   "Alerts should page a person only when users are affected.",
   "Log lines with a request id let you follow one call across services.",
   "Disk usage on the database host grows quickly when backups are kept too long.",
   "A runbook lists the steps to restore service after a known failure.",
   "Rate limits protect an API from a single client sending too many requests.",
   "Metrics with high cardinality labels make the monitoring system slow.",
   "Blue-green deployments keep the previous version ready for a fast rollback.",
  ],
  "security": [
   "Passwords must be hashed with a slow algorithm such as bcrypt or argon2.",
   "Bind parameters keep user input out of the SQL text and stop injection.",
   "Short-lived tokens limit the damage when a credential leaks.",
   "Secrets belong in a vault, not in the source repository.",
   "TLS certificates must be renewed before they expire or clients refuse to connect.",
   "The principle of least privilege gives each service only the access it needs.",
   "Audit logs record who changed what and when.",
   "Dependency updates close known vulnerabilities in third-party libraries.",
   "Two-factor authentication stops most attacks that use stolen passwords.",
   "Input validation rejects malformed requests before they reach the business logic.",
  ],
  "machine-learning": [
   "Sentence embeddings map texts with similar meaning to nearby vectors.",
   "Cosine similarity compares the direction of two vectors and ignores their length.",
   "Chunking long documents with overlap keeps context across chunk boundaries.",
   "A quantized model is smaller and faster with a small loss of accuracy.",
   "Hybrid search combines keyword matches with semantic similarity.",
   "Reciprocal rank fusion merges two ranked lists without comparing their scores.",
   "Training data must be split so the test set is never seen during training.",
   "Retrieval-augmented generation feeds retrieved passages to a language model as context.",
   "Recall measures how many of the true nearest neighbours a search returned.",
   "Embedding models have a maximum input length, so long texts are truncated or chunked.",
  ],
 },
}
titles = {
 "travel": ["Rail notes", "On the road", "Island hopping", "Hiking diary", "Packing list"],
 "food": ["Kitchen notes", "Market day", "Slow cooking", "Recipe card", "Tasting notes"],
 "nature": ["Field notes", "Season watch", "Coastal walk", "Forest log", "Wildlife notes"],
 "history": ["From the archive", "Old trades", "City chronicle", "Museum card", "Past times"],
 "databases": ["Postgres tips", "Indexing notes", "Query tuning", "Schema design", "Storage internals"],
 "operations": ["On-call notes", "Incident review", "Deploy guide", "Runbook entry", "Monitoring tips"],
 "security": ["Security checklist", "Hardening guide", "Access review", "Threat notes", "Secure coding"],
 "machine-learning": ["Model notes", "Retrieval tips", "Embedding guide", "Evaluation notes", "Search quality"],
}
out = []
for domain, categories in pools.items():
    for category, sentences in categories.items():
        n = 0
        for a, b, c in itertools.permutations(range(len(sentences)), 3):
            if (a * 7 + b * 3 + c) % 19 != 0:
                continue
            n += 1
            out.append({"domain": domain, "category": category,
                        "title": f"{titles[category][n % 5]} #{n}",
                        "body": " ".join([sentences[a], sentences[b], sentences[c]])})
            if n == 40:
                break
with open("src/main/resources/corpus/passages.jsonl", "w") as f:
    for p in out:
        f.write(json.dumps(p) + "\n")
print(len(out))

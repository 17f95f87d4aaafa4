import random, hashlib
from datetime import datetime
from sampledata_reference import model, minutes
random.seed(0)
sid, deps, sensors, products, template = model()
print("sid[:10]", sid[:10], "sid[-3:]", sid[-3:])
print("deps[-1]", deps[-1]); print("sensors[0]", sensors[0]); print("sensors[1913]", sensors[1913])
print("products[0]", products[0], "products[999]", products[999])
print("template[0]", template[0]); print("template[1913]", template[1913]); print("template[500]", template[500])
want = {datetime(2023,1,1,0,0), datetime(2023,1,1,0,1), datetime(2023,1,15,12,34), datetime(2023,1,31,0,0)}
for t, p, e in minutes(template, products):
    if t in want:
        days = [(x - t).days for x in e]
        text = "\n".join(f"{d}|{s}|{pp}|{dd}" for (d, s), pp, dd in zip(template, p, days))
        print(t, "rows", [(i, p[i], days[i]) for i in (0, 1, 2, 1000, 1913)], "sha256", hashlib.sha256(text.encode()).hexdigest())

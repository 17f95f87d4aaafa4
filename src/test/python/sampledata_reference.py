"""Reference model of sampledata.py (random.seed(0)) without pandas, for deriving golden values."""
import random, string, sys
from datetime import datetime, timedelta

def gen_text(n, length, letters):
    items = []
    seen = set()
    while len(items) < n:
        s = ''.join(random.choices(letters, k=length))
        if s not in seen:
            seen.add(s); items.append(s)
    return items

def model(order="products_then_expires"):
    random.seed(0)
    letters = list(string.ascii_lowercase)
    sensor_in_department = [random.choices(range(5, 30))[0] for i in range(100)]
    department_list = gen_text(100, 32, letters)
    sensor_list = gen_text(1914, 64, letters)
    product_list = gen_text(1000, 16, letters)
    template = []
    for i in range(100):
        taken = set(s for _, s in template)
        template += [(department_list[i], s) for s in random.choices([s for s in sensor_list if s not in taken], k=sensor_in_department[i])]
    return sensor_in_department, department_list, sensor_list, product_list, template

def minutes(template, product_list, order="products_then_expires"):
    t = datetime(2023, 1, 1)
    while t <= datetime(2023, 1, 31):
        n = len(template)
        if order == "products_then_expires":
            products = random.choices(product_list, k=n)
            expires = [t + timedelta(days=90 - random.choices([1, 2, 3])[0]) for _ in range(n)]
        else:
            products, expires = [], []
            for _ in range(n):
                products.append(random.choices(product_list)[0])
                expires.append(t + timedelta(days=90 - random.choices([1, 2, 3])[0]))
        yield t, products, expires
        t += timedelta(minutes=1)

if __name__ == "__main__":
    sid, deps, sensors, products, template = model()
    print("sum", sum(sid), "template", len(template), "distinct", len(set(s for _, s in template)))
    print("first dep", deps[0], "last dep", deps[-1])
    print("sid[:10]", sid[:10])
    print("sensor0", sensors[0], "sensor_last", sensors[-1], "product0", products[0], "product_last", products[-1])
    print("template[0]", template[0], "template[-1]", template[-1])
    for order in ["products_then_expires", "interleaved"]:
        random.seed(0); model()
        for t, p, e in minutes(template, products, order):
            print(order, t, p[:2], [(x - t).days for x in e[:5]])
            break

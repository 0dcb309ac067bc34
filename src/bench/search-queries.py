# search-queries.py DIR: the firm-search benchmark's queries (README → Performance) from a generated data set
# (java -jar … generate --out DIR): 120 product names, 60 full firm names, 60 four-character fragments of names.
import csv, random, sys
random.seed(7)
d = sys.argv[1]
products = [r['name'] for r in csv.DictReader(open(d + '/products.csv', encoding='utf-8'))]
firms = [r['name'] for r in csv.DictReader(open(d + '/enterprises.csv', encoding='utf-8'))]
queries = random.sample(products, 120) + random.sample(firms, 60) + [n[3:7] for n in random.sample(firms, 60)]
print('\n'.join(queries))

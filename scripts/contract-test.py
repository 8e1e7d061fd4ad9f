#!/usr/bin/env python3
"""Checks the running server against openapi.yaml: the spec is valid OpenAPI 3.1, and every JSON answer of every
documented GET validates against the schema of its status code. Prints 'N passed, N failed'."""
import sys, json, copy, re
import requests, yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

base = sys.argv[1].rstrip("/")
spec = yaml.safe_load(requests.get(base + "/api/openapi.yaml", timeout=10).text)
validate(spec)

def resolve(node):
    """Inline every $ref so that jsonschema sees plain schemas."""
    if isinstance(node, dict):
        if "$ref" in node:
            target = spec
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            return resolve(copy.deepcopy(target)) if "RenstraItem" not in node["$ref"] else {"type": "object"}
        return {k: resolve(v) for k, v in node.items()}
    if isinstance(node, list):
        return [resolve(v) for v in node]
    return node

# The recursive RenstraItem is checked one level deep plus its required keys on every level below.
renstra_item = resolve(spec["components"]["schemas"]["RenstraItem"])

passed = failed = 0
def check(name, ok, detail=""):
    global passed, failed
    if ok: passed += 1
    else:
        failed += 1
        print("FAIL", name, detail)

units = requests.get(base + "/api/v1/pemda/99.71/unit", timeout=30).json()["data"]
unit_with_renstra = next(u["id"] for u in units if u["hasRenstra"])

# The year's figures are for signed-in users of the Pemda: the checks read them through a session, as a page does.
anonymous = requests.Session()
session = requests.Session()
token = re.search(r'name="_csrf" value="([^"]+)"', session.get(base + "/masuk", timeout=30).text).group(1)
login = session.post(base + "/masuk", data={"_csrf": token, "login": "walikota", "password": "KotaContoh2026", "next": "/"},
                     timeout=30)
check("login", login.status_code == 200 and "/masuk" not in login.url, f"got {login.status_code} {login.url}")
report = session.get(base + "/api/v1/pemda/99.71/capaian", timeout=60).json()
check("capaian has PKs", bool(report.get("pks")), "no PK in the report")
penilaian = session.get(base + "/api/v1/pemda/99.71/penilaian", timeout=60).json()
check("penilaian lists the officials with a PK in force and the categories",
      bool(penilaian.get("data")) and len(penilaian.get("categories", [])) >= 2
      and all(line["level"] != "pemda" for line in penilaian["data"]), "no official or categories")
pohon = session.get(base + "/api/v1/pemda/99.71/pohon", timeout=60).json()
kinds = {n["kind"] for n in pohon.get("nodes", [])}
check("pohon has the RPJMD, PK rows and budget lines", {"misi", "sasaran", "indikator", "program"} <= kinds, f"kinds {sorted(kinds)}")
params = {"code": "99.71", "unit": unit_with_renstra, "pk": report["pks"][0]["id"] if report.get("pks") else "x"}
for path, item in spec["paths"].items():
    operation = item["get"]
    url = base + "/api/v1" + path.format(**params)
    cases = [("200", url, session), ("404", base + "/api/v1" + path.format(**{**params, "code": "00.00"}), session),
             ("401", url, anonymous)]
    for status, response, client in cases:
        if status not in operation["responses"]:
            continue
        r = client.get(response, timeout=60)
        check(f"{path} status {status}", str(r.status_code) == status, f"got {r.status_code}")
        body = resolve(operation["responses"][status])
        schema = body["content"]["application/json"]["schema"]
        errors = list(Draft202012Validator(schema).iter_errors(r.json()))
        check(f"{path} {status} body", not errors, "; ".join(e.message for e in errors[:3]))
        if "renstra" in path and status == "200":
            def walk(items):
                for it in items:
                    errs = list(Draft202012Validator(renstra_item).iter_errors(it))
                    check(f"renstra item {it.get('code')}", not errs, "; ".join(e.message for e in errs[:3]))
                    walk(it.get("children", []))
            walk(r.json()["programs"])
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

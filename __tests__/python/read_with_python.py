"""Reads what ramq-access publishes the way Python programs do: PyYAML's safe_load and the jsonschema package.

Reads one JSON request on standard input and writes one JSON answer on standard output:

  request: {"schema": PATH (optional), "instances": [{"yaml_file": PATH} | {"yaml": TEXT} | {"json": VALUE}, ...]}
  answer:  {"schema_error": null | MESSAGE (when a schema is given),
            "results": [{"data": VALUE, "errors": [{"path": POINTER, "message": MESSAGE}, ...]}, ...]}

An instance PyYAML cannot read gets {"load_error": NAME, "data": null, "errors": []}.

`data` is the instance as Python read it, written as JSON; a value JSON has no type for (a date that
YAML 1.1 reads from a plain 2026-11-27) is written {"__python_type__": "date", "value": "2026-11-27"}.
`errors` is empty without a schema.
"""
import json
import sys

import jsonschema
import yaml


def as_json(value):
    return {"__python_type__": type(value).__name__, "value": str(value)}


def pointer(path):
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def main():
    request = json.load(sys.stdin)
    answer = {"results": []}
    validator = None
    if "schema" in request:
        with open(request["schema"], encoding="utf-8") as f:
            schema = json.load(f)
        cls = jsonschema.validators.validator_for(schema)
        try:
            cls.check_schema(schema)
            answer["schema_error"] = None
        except jsonschema.exceptions.SchemaError as error:
            answer["schema_error"] = error.message
        validator = cls(schema)
    for instance in request.get("instances", []):
        try:
            if "yaml_file" in instance:
                with open(instance["yaml_file"], encoding="utf-8") as f:
                    data = yaml.safe_load(f)
            elif "yaml" in instance:
                data = yaml.safe_load(instance["yaml"])
            else:
                data = instance["json"]
        except Exception as error:  # noqa: BLE001 - any file PyYAML cannot turn into data (a YAML error, a date out of range, ...)
            answer["results"].append({"load_error": type(error).__name__, "data": None, "errors": []})
            continue
        errors = [] if validator is None else sorted(validator.iter_errors(data), key=lambda e: pointer(e.absolute_path))
        answer["results"].append(
            {
                "data": json.loads(json.dumps(data, default=as_json)),
                "errors": [{"path": pointer(e.absolute_path), "message": e.message} for e in errors],
            }
        )
    json.dump(answer, sys.stdout)


main()

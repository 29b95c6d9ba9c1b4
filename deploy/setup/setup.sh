#!/usr/bin/env bash
# The compose `setup` service, after Elastic's "Start a multi-node cluster with Docker Compose":
# a CA and the node's certificate (once, into the `certs` volume), then the kibana_system password
# and a `customer_analytics` user whose role reaches only the project's indices.
set -euo pipefail
cd /usr/share/elasticsearch

for name in ELASTIC_PASSWORD KIBANA_PASSWORD SIDECAR_ES_PASSWORD; do
  if [ -z "${!name:-}" ]; then
    echo "Set $name in .env (docker compose run --rm init writes every password)" >&2
    exit 1
  fi
done

if [ ! -f config/certs/ca.zip ]; then
  echo "Creating CA"
  bin/elasticsearch-certutil ca --silent --pem -out config/certs/ca.zip
  unzip -o config/certs/ca.zip -d config/certs
fi
if [ ! -f config/certs/certs.zip ]; then
  echo "Creating certs"
  printf 'instances:\n  - name: es01\n    dns: [es01, localhost]\n    ip: [127.0.0.1]\n' \
    > config/certs/instances.yml
  bin/elasticsearch-certutil cert --silent --pem -out config/certs/certs.zip \
    --in config/certs/instances.yml --ca-cert config/certs/ca/ca.crt --ca-key config/certs/ca/ca.key
  unzip -o config/certs/certs.zip -d config/certs
fi
echo "Setting file permissions"
chown -R root:root config/certs
find config/certs -type d -exec chmod 755 {} \;
find config/certs -type f -exec chmod 644 {} \;
# The CA's private key stays readable by root only: nothing but this script signs with it.
chmod 600 config/certs/ca/ca.key

es() {
  curl -s --cacert config/certs/ca/ca.crt -u "elastic:${ELASTIC_PASSWORD}" \
    -H 'Content-Type: application/json' "$@"
}
echo "Waiting for Elasticsearch availability"
until curl -s --cacert config/certs/ca/ca.crt https://es01:9200 | grep -q 'missing authentication credentials'; do
  sleep 10
done
echo "Setting kibana_system password"
until es -X POST https://es01:9200/_security/user/kibana_system/_password \
  -d "{\"password\":\"${KIBANA_PASSWORD}\"}" | grep -q '^{}'; do
  sleep 10
done
echo "Creating the customer_analytics role and user"
es -X PUT https://es01:9200/_security/role/customer_analytics -d "{
  \"cluster\": [\"monitor\", \"manage_index_templates\"],
  \"indices\": [{\"names\": [\"${CA_INDEX_PREFIX}*\"], \"privileges\": [\"all\"]}]
}" | grep -q '"role"'
es -X PUT https://es01:9200/_security/user/customer_analytics -d "{
  \"password\": \"${SIDECAR_ES_PASSWORD}\", \"roles\": [\"customer_analytics\"]
}" | grep -q '"created"'
echo "All done!"

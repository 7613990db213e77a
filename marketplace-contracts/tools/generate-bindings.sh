#!/usr/bin/env bash
# Generates a typed web3j binding for every exported contract: generate-bindings.sh CLASSPATH ARTIFACTS OUT
set -euo pipefail
classpath=$1 artifacts=$2 out=$3
mkdir -p "$out"
for abi in "$artifacts"/*.abi; do
  name=$(basename "$abi" .abi)
  java -cp "$classpath" org.web3j.codegen.SolidityFunctionWrapperGenerator \
    -a "$abi" -b "$artifacts/$name.bin" -o "$out" -p org.datagora.contracts.generated >/dev/null
done
echo "generated web3j bindings for: $(cd "$artifacts" && ls *.abi | sed 's/\.abi$//' | tr '\n' ' ')"

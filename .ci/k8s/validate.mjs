// Validates every object of the given manifests against the Kubernetes API's JSON schemas (kubernetes-models),
// and what the example promises: two replicas, readiness and liveness probes, passwords from a Secret, a Service and a
// PodDisruptionBudget that select the Deployment's pods.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const modules = {
  'v1': 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
};

const problems = [];
const objects = [];
for (const file of process.argv.slice(2)) {
  const documents = YAML.parseAllDocuments(fs.readFileSync(file, 'utf-8'));
  for (const document of documents) {
    if (document.errors.length) {
      problems.push(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
      continue;
    }
    const object = document.toJS();
    if (!object) continue;
    const name = `${path.basename(file)}: ${object.kind} ${object.metadata && object.metadata.name}`;
    if (object.kind === 'Secret' && !path.basename(file).includes('.example.')) {
      problems.push(`${name}: passwords belong in a Secret made from the vault, not in a manifest of the example`);
    }
    if (object.kind === 'Kustomization') {
      for (const resource of object.resources || []) {
        if (!fs.existsSync(path.join(path.dirname(file), resource))) problems.push(`${name}: ${resource} does not exist`);
      }
      continue;
    }
    const module = modules[object.apiVersion];
    const Model = module && (await import(module))[object.kind];
    if (!Model) {
      problems.push(`${name}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
      objects.push(object);
      console.log(`valid: ${name}`);
    } catch (error) {
      problems.push(`${name}: ${error.message}`);
    }
  }
}

const ofKind = (kind) => objects.filter((o) => o.kind === kind);
const deployment = ofKind('Deployment')[0];
if (!deployment) {
  problems.push('no Deployment');
} else {
  const labels = deployment.spec.template.metadata.labels;
  const selects = (selector) => Object.entries(selector || {}).every(([key, value]) => labels[key] === value);
  if (deployment.spec.replicas !== 2) problems.push('the Deployment runs ' + deployment.spec.replicas + ' replicas, not 2');
  for (const container of deployment.spec.template.spec.containers) {
    if (!container.readinessProbe) problems.push(`container ${container.name} has no readiness probe`);
    if (!container.livenessProbe) problems.push(`container ${container.name} has no liveness probe`);
    for (const variable of container.env || []) {
      if (/PASSWORD/.test(variable.name) && !(variable.valueFrom && variable.valueFrom.secretKeyRef)) {
        problems.push(`${variable.name} is not taken from a Secret`);
      }
      const ref = variable.valueFrom && variable.valueFrom.secretKeyRef;
      if (ref && !ofKind('Secret').some((s) => s.metadata.name === ref.name && (s.stringData || s.data || {})[ref.key] !== undefined)) {
        problems.push(`${variable.name} names key ${ref.key} of Secret ${ref.name}, which the manifests do not hold`);
      }
    }
  }
  if (!ofKind('Service').some((s) => selects(s.spec.selector))) problems.push('no Service selects the pods');
  if (!ofKind('PodDisruptionBudget').some((p) => selects(p.spec.selector.matchLabels))) {
    problems.push('no PodDisruptionBudget selects the pods');
  }
  const services = ofKind('Service').map((s) => s.metadata.name);
  for (const ingress of ofKind('Ingress')) {
    for (const rule of ingress.spec.rules || []) {
      for (const p of (rule.http && rule.http.paths) || []) {
        if (!services.includes(p.backend.service.name)) problems.push(`Ingress ${ingress.metadata.name} sends to no Service of the example`);
      }
    }
  }
}

if (problems.length) {
  console.error(problems.map((p) => 'k8s: ' + p).join('\n'));
  process.exit(1);
}
console.log(`k8s: ${objects.length} objects valid`);

import { ApiChange, ChangeSeverity, describeAuthorization, describeIntegration, gatewayName } from './manifest-diff';
import { GatewayEntry, RouteEntry, ThrottleEntry } from './manifest-format';

/** A Markdown table cell: pipes escaped, never empty. */
function cell(text: string): string {
  return (text || '—').replace(/\|/g, '\\|');
}

function throttleText(t?: ThrottleEntry): string {
  return t ? `${t.rateLimit}/s (burst ${t.burstLimit})` : '';
}

function routeRow(r: RouteEntry): string {
  const cache = r.cache ? `${r.cache.ttlSeconds} s on ${r.cache.keys.join(', ') || 'nothing'}` : '';
  const timeout = r.integration.timeoutMillis === undefined ? '' : `${r.integration.timeoutMillis / 1000} s`;
  return `| ${[r.routeKey, describeAuthorization(r.authorization), r.apiKeyRequired ? 'yes' : 'no', throttleText(r.throttle),
    cache, describeIntegration(r.integration), timeout].map(cell).join(' | ')} |`;
}

/** Every route of every gateway, a table per gateway. */
export function routesMarkdown(gateways: GatewayEntry[]): string {
  return gateways.map(g => {
    const facts = [
      `${g.type}${g.endpoint ? ` ${g.endpoint}` : ''}`,
      `stage ${g.stage.name}${g.stage.throttle ? ` ${throttleText(g.stage.throttle)}` : ''}`,
      ...(g.addedStages ?? []).map(stage => `stage ${stage.name}${stage.throttle ? ` ${throttleText(stage.throttle)}` : ''}`),
      g.cors ? `CORS ${g.cors.allowOrigins.join(' ')}` : undefined,
      g.waf ? `WAF ${g.waf}` : undefined,
      g.domain ? `domain ${g.domain.domainName} (${g.domain.securityPolicy}${g.domain.mutualTls ? ', mutual TLS' : ''})` : undefined,
      g.resourcePolicy?.length ? `policy: ${g.resourcePolicy.join('; ')}` : undefined,
      g.usagePlans.length ? `usage plans: ${g.usagePlans.map(p => `${p.id} (${p.apiKeys.length} keys)`).join(', ')}` : undefined,
    ].filter(Boolean);
    return [
      `### ${gatewayName(g)}`,
      '',
      facts.join(' · '),
      '',
      '| route | authorization | API key | throttle | cache | integration | timeout |',
      '|---|---|---|---|---|---|---|',
      ...g.routes.map(routeRow),
      '',
    ].join('\n');
  }).join('\n');
}

/** The changes as a pull-request comment: counts, then the changes by severity. */
export function changesMarkdown(changes: ApiChange[]): string {
  const count = (s: ChangeSeverity) => changes.filter(c => c.severity === s).length;
  const lines = [
    '## API changes (cdk-gatehouse)',
    '',
    changes.length === 0
      ? 'No API-level changes.'
      : `**${count(ChangeSeverity.RISKY)} risky**, ${count(ChangeSeverity.NOTABLE)} notable, ${count(ChangeSeverity.NEUTRAL)} neutral`,
  ];
  for (const severity of [ChangeSeverity.RISKY, ChangeSeverity.NOTABLE, ChangeSeverity.NEUTRAL]) {
    const these = changes.filter(c => c.severity === severity);
    if (!these.length) continue;
    lines.push('', `### ${severity[0].toUpperCase()}${severity.slice(1)}`, '');
    for (const c of these) {
      lines.push(`- \`${c.gateway}\`${c.route ? ` \`${c.route}\`` : ''} — ${c.subject}: ${c.detail}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

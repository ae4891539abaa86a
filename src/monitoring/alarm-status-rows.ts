import { aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';

/** The most alarms one alarm status widget shows (CloudWatch's limit). */
export const ALARMS_PER_WIDGET = 100;
const ROW_HEIGHT = 4;

/**
 * The state of every alarm in the list as it is at synth (alarms of routes added after the
 * dashboard included), one full-width alarm status widget per 100 alarms; nothing when the
 * list is empty (CloudWatch refuses an empty widget). Its height is read when the dashboard
 * lays out its rows, at synth.
 */
export class AlarmStatusRows implements cloudwatch.IWidget {
  public readonly width = 24;
  private x = 0;
  private y = 0;

  constructor(private readonly alarms: readonly cloudwatch.IAlarm[]) {}

  public get height(): number {
    return ROW_HEIGHT * this.chunks().length;
  }

  public position(x: number, y: number): void {
    this.x = x;
    this.y = y;
  }

  public toJson(): any[] {
    const chunks = this.chunks();
    return chunks.flatMap((alarms, i) => {
      const title = chunks.length > 1 ? `Alarms (${i + 1} of ${chunks.length})` : 'Alarms';
      const widget = new cloudwatch.AlarmStatusWidget({ title, alarms, width: this.width, height: ROW_HEIGHT });
      widget.position(this.x, this.y + i * ROW_HEIGHT);
      return widget.toJson();
    });
  }

  private chunks(): cloudwatch.IAlarm[][] {
    const chunks: cloudwatch.IAlarm[][] = [];
    for (let i = 0; i < this.alarms.length; i += ALARMS_PER_WIDGET) chunks.push(this.alarms.slice(i, i + ALARMS_PER_WIDGET));
    return chunks;
  }
}

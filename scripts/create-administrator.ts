/**
 * `npm run create-admin -- --email ada@example.org --name "Ada Lovelace" [--association MI-AIMH]`
 * (in the Docker image: `node dist/scripts/create-administrator.js --email … --name "…"`):
 * creates an administrator (Alliance-wide when no association is named) and emails them a
 * single-use link to set their password; the worker sends it. Nothing secret is printed or typed.
 * Running it again for the same address changes nothing. It works before the system first started:
 * it creates the database when missing and applies the migrations, as the api and worker do.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { z } from 'zod';
import type { AppConfig } from '#config';
import { AuthModule, CreateAdministrator, UnknownAssociationError } from '#auth';
import { ensureDatabase } from '#db';
import type { Framework } from '#framework';
import { processModules, runMain } from '#platform';

const USAGE = 'usage: npm run create-admin -- --email <address> --name "<full name>" [--association <code>]';

const argsSchema = z.strictObject({
  email: z.email().max(254),
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^\P{Cc}*$/u),
  association: z.string().min(1).max(32).optional(),
});

@Module({})
class CreateAdministratorModule {
  static forRoot(config: AppConfig, framework: Framework): DynamicModule {
    return { module: CreateAdministratorModule, imports: [...processModules(config, 'api', framework), AuthModule] };
  }
}

function parsedArgs(): z.infer<typeof argsSchema> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, association: { type: 'string' } }, strict: true });
  const args = argsSchema.safeParse(values);
  if (!args.success) {
    console.error(`${args.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${USAGE}`);
    process.exit(2);
  }
  return args.data;
}

const args = parsedArgs();
await runMain('create-admin', async (config, framework) => {
  // Before the first start there is no database yet; the migrations then run in DbModule, under their lock.
  await ensureDatabase(config.database.url, config.startupCheckTimeoutMs);
  const app = await NestFactory.createApplicationContext(CreateAdministratorModule.forRoot(config, framework), { logger: ['error', 'warn'] });
  try {
    const result = await app
      .get(CreateAdministrator)
      .execute({ email: args.email, fullName: args.name, associationCode: args.association })
      .catch((e: unknown) => {
        if (!(e instanceof UnknownAssociationError)) throw e;
        console.error(`--association: ${e.message}\n${USAGE}`);
        process.exitCode = 2;
        return null;
      });
    if (!result) return;
    const scope = args.association ? `of ${args.association}` : 'Alliance-wide (every association)';
    console.log(
      result.created
        ? `Created administrator ${args.email}, ${scope}. An email with a link to set the password (valid 7 days) is on its way; the worker sends it.`
        : `An account for ${args.email} already exists; nothing changed. Its owner can reset the password from the sign-in page.`,
    );
  } finally {
    await app.close();
  }
});

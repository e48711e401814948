// The TypeORM CLI's entry: exactly one DataSource, configured from DATABASE_URL.
import 'reflect-metadata';
import { createDataSource } from './create-data-source.js';

export default createDataSource({ url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/coalesce' });

import { driversUnderTest } from '../helpers/databases';
import { databaseSuite } from './db.suite';

for (const driver of driversUnderTest()) {
  databaseSuite(driver);
}

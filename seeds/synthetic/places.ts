// Cities the synthetic organizations cluster around, weighted roughly by the size of their civil society.
// Coordinates are city centres (approximate); languages are the ones local groups would list.

export interface SyntheticCity {
  city: string;
  region: string;
  country: string;
  latitude: number;
  longitude: number;
  languages: string[];
  weight: number;
}

const c = (
  city: string, region: string, country: string, latitude: number, longitude: number, languages: string[],
  weight: number,
): SyntheticCity => ({ city, region, country, latitude, longitude, languages, weight });

export const SYNTHETIC_CITIES: SyntheticCity[] = [
  c('Nairobi', 'Nairobi County', 'KE', -1.2864, 36.8172, ['sw', 'en'], 5),
  c('Kampala', 'Central Region', 'UG', 0.3476, 32.5825, ['en', 'lg'], 3),
  c('Lagos', 'Lagos State', 'NG', 6.5244, 3.3792, ['en', 'yo'], 5),
  c('Accra', 'Greater Accra', 'GH', 5.6037, -0.187, ['en', 'tw'], 3),
  c('Johannesburg', 'Gauteng', 'ZA', -26.2041, 28.0473, ['en', 'zu'], 4),
  c('Addis Ababa', 'Addis Ababa', 'ET', 9.03, 38.74, ['am', 'en'], 2),
  c('Dakar', 'Dakar Region', 'SN', 14.7167, -17.4677, ['fr', 'wo'], 2),
  c('Kinshasa', 'Kinshasa', 'CD', -4.4419, 15.2663, ['fr', 'ln'], 2),
  c('Cairo', 'Cairo Governorate', 'EG', 30.0444, 31.2357, ['ar', 'en'], 3),
  c('Tunis', 'Tunis Governorate', 'TN', 36.8065, 10.1815, ['ar', 'fr'], 2),
  c('Casablanca', 'Casablanca-Settat', 'MA', 33.5731, -7.5898, ['ar', 'fr'], 2),
  c('Beirut', 'Beirut Governorate', 'LB', 33.8938, 35.5018, ['ar', 'fr', 'en'], 3),
  c('Amman', 'Amman Governorate', 'JO', 31.9539, 35.9106, ['ar', 'en'], 2),
  c('Istanbul', 'Istanbul', 'TR', 41.0082, 28.9784, ['tr'], 4),
  c('Athens', 'Attica', 'GR', 37.9838, 23.7275, ['el'], 3),
  c('Kyiv', 'Kyiv City', 'UA', 50.4501, 30.5234, ['uk'], 4),
  c('Warsaw', 'Masovia', 'PL', 52.2297, 21.0122, ['pl'], 3),
  c('Berlin', 'Berlin', 'DE', 52.52, 13.405, ['de'], 4),
  c('Paris', 'Île-de-France', 'FR', 48.8566, 2.3522, ['fr'], 4),
  c('London', 'Greater London', 'GB', 51.5074, -0.1278, ['en'], 5),
  c('Madrid', 'Community of Madrid', 'ES', 40.4168, -3.7038, ['es'], 3),
  c('Brussels', 'Brussels-Capital', 'BE', 50.8503, 4.3517, ['fr', 'nl'], 3),
  c('Geneva', 'Geneva', 'CH', 46.2044, 6.1432, ['fr'], 2),
  c('Tbilisi', 'Tbilisi', 'GE', 41.7151, 44.8271, ['ka', 'ru'], 2),
  c('Bogotá', 'Bogotá D.C.', 'CO', 4.711, -74.0721, ['es'], 4),
  c('Lima', 'Lima', 'PE', -12.0464, -77.0428, ['es', 'qu'], 3),
  c('Mexico City', 'Mexico City', 'MX', 19.4326, -99.1332, ['es'], 5),
  c('Guatemala City', 'Guatemala', 'GT', 14.6349, -90.5069, ['es'], 2),
  c('São Paulo', 'São Paulo', 'BR', -23.5505, -46.6333, ['pt'], 5),
  c('Buenos Aires', 'Buenos Aires', 'AR', -34.6037, -58.3816, ['es'], 3),
  c('Santiago', 'Santiago Metropolitan', 'CL', -33.4489, -70.6693, ['es'], 2),
  c('New York', 'New York', 'US', 40.7128, -74.006, ['en', 'es'], 5),
  c('Toronto', 'Ontario', 'CA', 43.6532, -79.3832, ['en', 'fr'], 3),
  c('Manila', 'Metro Manila', 'PH', 14.5995, 120.9842, ['tl', 'en'], 4),
  c('Jakarta', 'Jakarta', 'ID', -6.2088, 106.8456, ['id'], 4),
  c('Bangkok', 'Bangkok', 'TH', 13.7563, 100.5018, ['th'], 3),
  c('Dhaka', 'Dhaka Division', 'BD', 23.8103, 90.4125, ['bn'], 3),
  c('Delhi', 'Delhi', 'IN', 28.6139, 77.209, ['hi', 'en'], 5),
  c('Kathmandu', 'Bagmati', 'NP', 27.7172, 85.324, ['ne'], 2),
  c('Karachi', 'Sindh', 'PK', 24.8607, 67.0011, ['ur'], 3),
  c('Kuala Lumpur', 'Federal Territory of Kuala Lumpur', 'MY', 3.139, 101.6869, ['ms', 'en'], 2),
  c('Sydney', 'New South Wales', 'AU', -33.8688, 151.2093, ['en'], 2),
];
